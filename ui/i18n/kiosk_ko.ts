<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AccessibilityButton</name>
    <message>
        <location filename="../components/AccessibilityButton.qml" line="23"/>
        <source>Accessibility options</source>
        <translation>접근성 설정</translation>
    </message>
    <message>
        <location filename="../components/AccessibilityButton.qml" line="60"/>
        <source>Accessibility</source>
        <translation>접근성</translation>
    </message>
</context>
<context>
    <name>AccessibilityPanel</name>
    <message>
        <location filename="../components/AccessibilityPanel.qml" line="35"/>
        <source>Accessibility options</source>
        <translation>접근성 설정</translation>
    </message>
    <message>
        <location filename="../components/AccessibilityPanel.qml" line="45"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../components/AccessibilityPanel.qml" line="56"/>
        <source>Low position</source>
        <translation>낮은 화면</translation>
    </message>
    <message>
        <location filename="../components/AccessibilityPanel.qml" line="57"/>
        <source>High contrast</source>
        <translation>고대비</translation>
    </message>
    <message>
        <location filename="../components/AccessibilityPanel.qml" line="58"/>
        <source>Large text</source>
        <translation>큰 글자</translation>
    </message>
    <message>
        <location filename="../components/AccessibilityPanel.qml" line="59"/>
        <source>Voice guidance</source>
        <translation>음성 안내</translation>
    </message>
    <message>
        <location filename="../components/AccessibilityPanel.qml" line="84"/>
        <source>Quieter</source>
        <translation>소리 작게</translation>
    </message>
    <message>
        <location filename="../components/AccessibilityPanel.qml" line="90"/>
        <source>Volume %1%</source>
        <translation>음량 %1%</translation>
    </message>
    <message>
        <location filename="../components/AccessibilityPanel.qml" line="98"/>
        <source>Louder</source>
        <translation>소리 크게</translation>
    </message>
    <message>
        <location filename="../components/AccessibilityPanel.qml" line="107"/>
        <source>Slower</source>
        <translation>느리게</translation>
    </message>
    <message>
        <location filename="../components/AccessibilityPanel.qml" line="112"/>
        <source>Faster</source>
        <translation>빠르게</translation>
    </message>
    <message>
        <location filename="../components/AccessibilityPanel.qml" line="118"/>
        <source>All off</source>
        <translation>모두 끄기</translation>
    </message>
</context>
<context>
    <name>ContentNotice</name>
    <message>
        <location filename="../components/ContentNotice.qml" line="15"/>
        <source>Checking new content</source>
        <translation>새 콘텐츠 확인 중</translation>
    </message>
    <message>
        <location filename="../components/ContentNotice.qml" line="16"/>
        <source>New content ready</source>
        <translation>새 콘텐츠 준비 완료</translation>
    </message>
    <message>
        <location filename="../components/ContentNotice.qml" line="17"/>
        <source>New content needs staff approval</source>
        <translation>새 콘텐츠는 직원 확인이 필요합니다</translation>
    </message>
    <message>
        <location filename="../components/ContentNotice.qml" line="18"/>
        <source>New content could not be installed</source>
        <translation>새 콘텐츠를 설치하지 못했습니다</translation>
    </message>
    <message>
        <location filename="../components/ContentNotice.qml" line="19"/>
        <source>The installed content is damaged; staff, please check</source>
        <translation>설치된 콘텐츠가 손상되었습니다. 직원의 확인이 필요합니다</translation>
    </message>
</context>
<context>
    <name>GalleryStrip</name>
    <message>
        <location filename="../components/GalleryStrip.qml" line="29"/>
        <source>Picture %1 of %2</source>
        <translation>사진 %2장 중 %1번째</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <location filename="../components/IdleWarning.qml" line="85"/>
        <source>Are you still there?</source>
        <translation>아직 보고 계신가요?</translation>
    </message>
    <message>
        <location filename="../components/IdleWarning.qml" line="104"/>
        <source>Without a touch, the screen returns to the start.</source>
        <translation>화면을 터치하지 않으면 처음 화면으로 돌아갑니다.</translation>
    </message>
    <message>
        <location filename="../components/IdleWarning.qml" line="118"/>
        <source>Continue</source>
        <translation>계속 보기</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../components/ImageViewer.qml" line="98"/>
        <source>Previous picture</source>
        <translation>이전 사진</translation>
    </message>
    <message>
        <location filename="../components/ImageViewer.qml" line="106"/>
        <source>Next picture</source>
        <translation>다음 사진</translation>
    </message>
    <message>
        <location filename="../components/ImageViewer.qml" line="133"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../Main.qml" line="151"/>
        <source>Low position: everything you can touch is in the lower part of the screen.</source>
        <translation>낮은 화면: 누르는 곳은 모두 화면 아래쪽에 있습니다.</translation>
    </message>
</context>
<context>
    <name>SectionPager</name>
    <message>
        <location filename="../components/SectionPager.qml" line="128"/>
        <source>Stop reading</source>
        <translation>읽기 멈춤</translation>
    </message>
    <message>
        <location filename="../components/SectionPager.qml" line="128"/>
        <source>Listen to this page</source>
        <translation>이 페이지 듣기</translation>
    </message>
</context>
<context>
    <name>StaffApproval</name>
    <message>
        <location filename="../components/StaffApproval.qml" line="46"/>
        <source>Staff approval</source>
        <translation>직원 확인</translation>
    </message>
    <message>
        <location filename="../components/StaffApproval.qml" line="85"/>
        <source>Wrong PIN</source>
        <translation>PIN이 맞지 않습니다</translation>
    </message>
    <message>
        <location filename="../components/StaffApproval.qml" line="86"/>
        <source>Too many wrong PINs: try again in %1 s</source>
        <translation>잘못된 PIN이 너무 많습니다. %1초 후에 다시 시도하세요</translation>
    </message>
    <message>
        <location filename="../components/StaffApproval.qml" line="87"/>
        <source>No staff PIN is set on this kiosk</source>
        <translation>이 키오스크에는 직원 PIN이 설정되어 있지 않습니다</translation>
    </message>
    <message>
        <location filename="../components/StaffApproval.qml" line="105"/>
        <source>OK</source>
        <translation>확인</translation>
    </message>
    <message>
        <location filename="../components/StaffApproval.qml" line="123"/>
        <source>Do not install</source>
        <translation>설치하지 않음</translation>
    </message>
</context>
<context>
    <name>VideoPanel</name>
    <message>
        <location filename="../components/VideoPanel.qml" line="156"/>
        <location filename="../components/VideoPanel.qml" line="220"/>
        <source>Play video</source>
        <translation>영상 재생</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="171"/>
        <source>This video cannot be played right now.</source>
        <translation>지금은 이 영상을 재생할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="220"/>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="247"/>
        <source>Video position</source>
        <translation>재생 위치</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="281"/>
        <source>Sound on</source>
        <translation>소리 켜기</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="281"/>
        <source>Mute</source>
        <translation>소리 끄기</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="299"/>
        <source>Volume</source>
        <translation>음량</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="328"/>
        <source>Hide captions</source>
        <translation>자막 끄기</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="328"/>
        <source>Show captions</source>
        <translation>자막 켜기</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="334"/>
        <source>Leave full screen</source>
        <translation>전체 화면 끝내기</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="334"/>
        <source>Full screen</source>
        <translation>전체 화면</translation>
    </message>
</context>
</TS>
