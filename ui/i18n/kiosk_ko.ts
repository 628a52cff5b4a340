<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ContentNotice</name>
    <message>
        <location filename="../components/ContentNotice.qml" line="14"/>
        <source>Checking new content</source>
        <translation>새 콘텐츠 확인 중</translation>
    </message>
    <message>
        <location filename="../components/ContentNotice.qml" line="15"/>
        <source>New content ready</source>
        <translation>새 콘텐츠 준비 완료</translation>
    </message>
    <message>
        <location filename="../components/ContentNotice.qml" line="16"/>
        <source>New content needs staff approval</source>
        <translation>새 콘텐츠는 직원 확인이 필요합니다</translation>
    </message>
    <message>
        <location filename="../components/ContentNotice.qml" line="17"/>
        <source>New content could not be installed</source>
        <translation>새 콘텐츠를 설치하지 못했습니다</translation>
    </message>
    <message>
        <location filename="../components/ContentNotice.qml" line="18"/>
        <source>The installed content is damaged; staff, please check</source>
        <translation>설치된 콘텐츠가 손상되었습니다. 직원의 확인이 필요합니다</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <location filename="../components/IdleWarning.qml" line="30"/>
        <source>Are you still there?</source>
        <translation>아직 보고 계신가요?</translation>
    </message>
    <message>
        <location filename="../components/IdleWarning.qml" line="80"/>
        <source>Without a touch, the screen returns to the start.</source>
        <translation>화면을 터치하지 않으면 처음 화면으로 돌아갑니다.</translation>
    </message>
    <message>
        <location filename="../components/IdleWarning.qml" line="94"/>
        <source>Continue</source>
        <translation>계속 보기</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../components/ImageViewer.qml" line="114"/>
        <source>Close</source>
        <translation>닫기</translation>
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
        <location filename="../components/VideoPanel.qml" line="150"/>
        <location filename="../components/VideoPanel.qml" line="214"/>
        <source>Play video</source>
        <translation>영상 재생</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="165"/>
        <source>This video cannot be played right now.</source>
        <translation>지금은 이 영상을 재생할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="214"/>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="241"/>
        <source>Video position</source>
        <translation>재생 위치</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="275"/>
        <source>Sound on</source>
        <translation>소리 켜기</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="275"/>
        <source>Mute</source>
        <translation>소리 끄기</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="293"/>
        <source>Volume</source>
        <translation>음량</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="322"/>
        <source>Hide captions</source>
        <translation>자막 끄기</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="322"/>
        <source>Show captions</source>
        <translation>자막 켜기</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="328"/>
        <source>Leave full screen</source>
        <translation>전체 화면 끝내기</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="328"/>
        <source>Full screen</source>
        <translation>전체 화면</translation>
    </message>
</context>
</TS>
