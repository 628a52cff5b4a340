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
        <location filename="../components/AccessibilityButton.qml" line="63"/>
        <source>Accessibility</source>
        <translation>접근성</translation>
    </message>
</context>
<context>
    <name>AccessibilityPanel</name>
    <message>
        <location filename="../components/AccessibilityPanel.qml" line="60"/>
        <source>Accessibility options</source>
        <translation>접근성 설정</translation>
    </message>
    <message>
        <location filename="../components/AccessibilityPanel.qml" line="73"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../components/AccessibilityPanel.qml" line="83"/>
        <source>Low position</source>
        <translation>낮은 화면</translation>
    </message>
    <message>
        <location filename="../components/AccessibilityPanel.qml" line="89"/>
        <source>High contrast</source>
        <translation>고대비</translation>
    </message>
    <message>
        <location filename="../components/AccessibilityPanel.qml" line="95"/>
        <source>Large text</source>
        <translation>큰 글자</translation>
    </message>
    <message>
        <location filename="../components/AccessibilityPanel.qml" line="101"/>
        <source>Reduce motion</source>
        <translation>움직임 줄이기</translation>
    </message>
    <message>
        <location filename="../components/AccessibilityPanel.qml" line="108"/>
        <source>Voice guidance</source>
        <translation>음성 안내</translation>
    </message>
    <message>
        <location filename="../components/AccessibilityPanel.qml" line="124"/>
        <source>Quieter</source>
        <translation>소리 작게</translation>
    </message>
    <message>
        <location filename="../components/AccessibilityPanel.qml" line="131"/>
        <source>Headphone volume %1%</source>
        <translation>헤드폰 음량 %1%</translation>
    </message>
    <message>
        <location filename="../components/AccessibilityPanel.qml" line="133"/>
        <source>Voice volume %1%</source>
        <translation>음성 안내 음량 %1%</translation>
    </message>
    <message>
        <location filename="../components/AccessibilityPanel.qml" line="143"/>
        <source>Louder</source>
        <translation>소리 크게</translation>
    </message>
    <message>
        <location filename="../components/AccessibilityPanel.qml" line="152"/>
        <source>Slower</source>
        <translation>느리게</translation>
    </message>
    <message>
        <location filename="../components/AccessibilityPanel.qml" line="158"/>
        <source>Faster</source>
        <translation>빠르게</translation>
    </message>
    <message>
        <location filename="../components/AccessibilityPanel.qml" line="165"/>
        <source>All off</source>
        <translation>모두 끄기</translation>
    </message>
</context>
<context>
    <name>ContentNotice</name>
    <message>
        <location filename="../components/ContentNotice.qml" line="17"/>
        <source>Checking new content</source>
        <translation>새 콘텐츠 확인 중</translation>
    </message>
    <message>
        <location filename="../components/ContentNotice.qml" line="19"/>
        <source>New content ready</source>
        <translation>새 콘텐츠 준비 완료</translation>
    </message>
    <message>
        <location filename="../components/ContentNotice.qml" line="21"/>
        <source>New content needs staff approval</source>
        <translation>새 콘텐츠는 직원 확인이 필요합니다</translation>
    </message>
    <message>
        <location filename="../components/ContentNotice.qml" line="23"/>
        <source>New content could not be installed</source>
        <translation>새 콘텐츠를 설치하지 못했습니다</translation>
    </message>
    <message>
        <location filename="../components/ContentNotice.qml" line="25"/>
        <source>The installed content is damaged; staff, please check</source>
        <translation>설치된 콘텐츠가 손상되었습니다. 직원의 확인이 필요합니다</translation>
    </message>
</context>
<context>
    <name>ContentView</name>
    <message>
        <location filename="../staff/ContentView.qml" line="21"/>
        <source>Packages on USB sticks and drop folders</source>
        <translation>USB와 공유 폴더의 패키지</translation>
    </message>
    <message>
        <location filename="../staff/ContentView.qml" line="26"/>
        <source>None found. Insert a USB stick with a .kpkg file at its top or in a kiosk folder.</source>
        <translation>찾은 패키지가 없습니다. 맨 위나 kiosk 폴더에 .kpkg 파일이 있는 USB를 꽂으세요.</translation>
    </message>
    <message>
        <location filename="../staff/ContentView.qml" line="41"/>
        <source>Install</source>
        <translation>설치</translation>
    </message>
    <message>
        <location filename="../staff/ContentView.qml" line="56"/>
        <source>Checking and installing: %1%</source>
        <translation>확인하고 설치하는 중: %1%</translation>
    </message>
    <message>
        <location filename="../staff/ContentView.qml" line="62"/>
        <source>Last install: %1</source>
        <translation>마지막 설치: %1</translation>
    </message>
    <message>
        <location filename="../staff/ContentView.qml" line="68"/>
        <source>Waiting to be shown at the next quiet moment: %1</source>
        <translation>관람객이 없을 때 바뀔 콘텐츠: %1</translation>
    </message>
    <message>
        <location filename="../staff/ContentView.qml" line="79"/>
        <source>What it changes:</source>
        <translation>바뀌는 내용:</translation>
    </message>
    <message>
        <location filename="../staff/ContentView.qml" line="79"/>
        <source>It shows the same content as now.</source>
        <translation>지금과 같은 콘텐츠를 보여 줍니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../staff/ContentView.qml" line="94"/>
        <source>and %n more</source>
        <translation>
            <numerusform>외 %n건</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../staff/ContentView.qml" line="104"/>
        <source>Roll back to the previous content</source>
        <translation>이전 콘텐츠로 되돌리기</translation>
    </message>
    <message>
        <location filename="../staff/ContentView.qml" line="112"/>
        <source>text changed</source>
        <translation>글 변경</translation>
    </message>
    <message>
        <location filename="../staff/ContentView.qml" line="114"/>
        <source>media added</source>
        <translation>미디어 추가</translation>
    </message>
    <message>
        <location filename="../staff/ContentView.qml" line="116"/>
        <source>media removed</source>
        <translation>미디어 삭제</translation>
    </message>
    <message>
        <location filename="../staff/ContentView.qml" line="118"/>
        <source>media replaced</source>
        <translation>미디어 교체</translation>
    </message>
    <message>
        <location filename="../staff/ContentView.qml" line="120"/>
        <source>setting changed</source>
        <translation>설정 변경</translation>
    </message>
    <message>
        <location filename="../staff/ContentView.qml" line="122"/>
        <source>new corner</source>
        <translation>새 코너</translation>
    </message>
    <message>
        <location filename="../staff/ContentView.qml" line="124"/>
        <source>corner removed</source>
        <translation>코너 삭제</translation>
    </message>
</context>
<context>
    <name>CornerView</name>
    <message>
        <location filename="../views/CornerView.qml" line="433"/>
        <source>Close full screen</source>
        <translation>전체 화면 닫기</translation>
    </message>
</context>
<context>
    <name>Durations</name>
    <message>
        <location filename="../staff/Durations.qml" line="10"/>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <location filename="../staff/Durations.qml" line="14"/>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <location filename="../staff/Durations.qml" line="14"/>
        <source>%1 min</source>
        <translation>%1분</translation>
    </message>
    <message>
        <location filename="../staff/Durations.qml" line="18"/>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <location filename="../staff/Durations.qml" line="19"/>
        <source>%1 d %2 h</source>
        <translation>%1일 %2시간</translation>
    </message>
</context>
<context>
    <name>ExportView</name>
    <message>
        <location filename="../staff/ExportView.qml" line="21"/>
        <source>Today&apos;s and all visitor numbers as CSV files, and the kiosk&apos;s recent log, into a new folder on the USB stick.</source>
        <translation>오늘과 전체 관람 통계(CSV 파일)와 키오스크의 최근 기록을 USB의 새 폴더에 저장합니다.</translation>
    </message>
    <message>
        <location filename="../staff/ExportView.qml" line="26"/>
        <source>Save to the USB stick</source>
        <translation>USB에 저장</translation>
    </message>
</context>
<context>
    <name>GalleryStrip</name>
    <message>
        <location filename="../components/GalleryStrip.qml" line="35"/>
        <source>Picture %1 of %2</source>
        <translation>사진 %2장 중 %1번째</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <location filename="../components/IdleWarning.qml" line="91"/>
        <source>Are you still there?</source>
        <translation>아직 보고 계신가요?</translation>
    </message>
    <message>
        <location filename="../components/IdleWarning.qml" line="111"/>
        <source>Without a touch, the screen returns to the start.</source>
        <translation>화면을 터치하지 않으면 처음 화면으로 돌아갑니다.</translation>
    </message>
    <message>
        <location filename="../components/IdleWarning.qml" line="125"/>
        <source>Continue</source>
        <translation>계속 보기</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../components/ImageViewer.qml" line="142"/>
        <source>Previous picture</source>
        <translation>이전 사진</translation>
    </message>
    <message>
        <location filename="../components/ImageViewer.qml" line="154"/>
        <source>Next picture</source>
        <translation>다음 사진</translation>
    </message>
    <message>
        <location filename="../components/ImageViewer.qml" line="177"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../components/ImageViewer.qml" line="182"/>
        <source>Picture %1 of %2</source>
        <translation>사진 %2장 중 %1번째</translation>
    </message>
    <message>
        <location filename="../components/ImageViewer.qml" line="218"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../Main.qml" line="93"/>
        <source>“%1” (version %2) is not newer than the content shown now. Install it only to go back to it on purpose.</source>
        <translation>“%1”(버전 %2)은 지금 보이는 콘텐츠보다 새 버전이 아닙니다. 일부러 이전 콘텐츠로 되돌릴 때만 설치하세요.</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="96"/>
        <source>“%1” (version %2) is not signed by a key this kiosk trusts. Install it only if you know that it comes from the office.</source>
        <translation>“%1”(버전 %2)은 이 키오스크가 신뢰하는 키로 서명되지 않았습니다. 사무국에서 보낸 것이 확실할 때만 설치하세요.</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="315"/>
        <source>Low position: everything you can touch is in the lower part of the screen.</source>
        <translation>낮은 화면: 누르는 곳은 모두 화면 아래쪽에 있습니다.</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="507"/>
        <source>Back to the top</source>
        <translation>맨 위로</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="507"/>
        <source>Read on</source>
        <translation>이어서 읽기</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="640"/>
        <source>Staff</source>
        <translation>직원</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="640"/>
        <source>Staff approval</source>
        <translation>직원 승인</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="641"/>
        <source>Enter the staff PIN to open the staff panel.</source>
        <translation>직원 화면을 열려면 직원 PIN을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="643"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="643"/>
        <source>Do not install</source>
        <translation>설치하지 않기</translation>
    </message>
</context>
<context>
    <name>NarrationButton</name>
    <message>
        <location filename="../components/NarrationButton.qml" line="16"/>
        <source>Stop reading</source>
        <translation>읽기 멈춤</translation>
    </message>
    <message>
        <location filename="../components/NarrationButton.qml" line="16"/>
        <source>Listen to this page</source>
        <translation>이 페이지 듣기</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../components/PinPad.qml" line="13"/>
        <source>Staff approval</source>
        <translation>직원 승인</translation>
    </message>
    <message>
        <location filename="../components/PinPad.qml" line="14"/>
        <source>Do not install</source>
        <translation>설치하지 않기</translation>
    </message>
    <message>
        <location filename="../components/PinPad.qml" line="33"/>
        <source>Wrong PIN. Tries left before the pad locks: %1</source>
        <translation>PIN이 틀렸습니다. 잠기기 전까지 남은 시도: %1회</translation>
    </message>
    <message>
        <location filename="../components/PinPad.qml" line="35"/>
        <source>Too many wrong PINs: try again in %1 s</source>
        <translation>PIN을 여러 번 틀렸습니다. %1초 뒤에 다시 시도하세요</translation>
    </message>
    <message>
        <location filename="../components/PinPad.qml" line="37"/>
        <source>No staff PIN is set on this kiosk</source>
        <translation>이 키오스크에는 직원 PIN이 설정되어 있지 않습니다</translation>
    </message>
    <message>
        <location filename="../components/PinPad.qml" line="150"/>
        <source>OK</source>
        <translation>확인</translation>
    </message>
</context>
<context>
    <name>PreviewProblems</name>
    <message>
        <location filename="../preview/PreviewProblems.qml" line="42"/>
        <source>The manifest has mistakes; the preview shows it as it was last saved without them.</source>
        <translation>매니페스트에 오류가 있습니다. 미리보기는 오류 없이 마지막으로 저장된 내용을 보여 줍니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../preview/PreviewProblems.qml" line="44"/>
        <source>%n warning(s): tap to show</source>
        <translation>
            <numerusform>경고 %n건: 누르면 펼칩니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../preview/PreviewProblems.qml" line="46"/>
        <source>%n warning(s): this builds, but reads or plays worse at a booth (tap to fold)</source>
        <translation>
            <numerusform>경고 %n건: 빌드는 되지만 부스에서 읽거나 재생하기에 좋지 않습니다 (누르면 접힙니다)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewTargets</name>
    <message>
        <location filename="../preview/PreviewTargets.qml" line="38"/>
        <source>Within reach of a seated visitor (low position)</source>
        <translation>앉은 관람객의 손이 닿는 범위 (낮은 위치)</translation>
    </message>
</context>
<context>
    <name>ProblemWords</name>
    <message>
        <location filename="../staff/ProblemWords.qml" line="13"/>
        <source>No sound output was found: videos and narration play silently. Check that the speakers are connected and on, then restart the kiosk.</source>
        <translation>소리를 낼 장치를 찾지 못해 영상과 음성 안내가 소리 없이 재생됩니다. 스피커가 연결되어 켜져 있는지 확인한 뒤 키오스크를 다시 시작하세요.</translation>
    </message>
    <message>
        <location filename="../staff/ProblemWords.qml" line="16"/>
        <source>The video of the corner “%1” cannot play; visitors see its picture instead. Build the package again with the video as H.264 in MP4, or ask the technician.</source>
        <translation>“%1” 코너의 영상을 재생할 수 없어 관람객에게는 대표 이미지가 보입니다. 영상을 H.264(MP4)로 바꿔 패키지를 다시 만들거나 기술 담당자에게 문의하세요.</translation>
    </message>
    <message>
        <location filename="../staff/ProblemWords.qml" line="20"/>
        <source>Item %1 of the attract loop could not be shown and is skipped. Check its file, then build the package again.</source>
        <translation>대기 화면의 %1번째 항목을 보여 줄 수 없어 건너뜁니다. 해당 파일을 확인한 뒤 패키지를 다시 만드세요.</translation>
    </message>
    <message>
        <location filename="../staff/ProblemWords.qml" line="24"/>
        <source>The package “%1” was not installed; the content shown stays. The report written beside it says why.</source>
        <translation>패키지 “%1”은 설치되지 않았고, 지금 콘텐츠가 그대로 유지됩니다. 이유는 패키지 옆에 저장된 보고서에 있습니다.</translation>
    </message>
    <message>
        <location filename="../staff/ProblemWords.qml" line="28"/>
        <source>The installed content is damaged, so the content before it is shown. Install the package again from its stick.</source>
        <translation>설치된 콘텐츠가 손상되어 이전 콘텐츠를 보여 줍니다. USB에서 패키지를 다시 설치하세요.</translation>
    </message>
    <message>
        <location filename="../staff/ProblemWords.qml" line="31"/>
        <source>New content could not be shown, so the content before it stays. Ask the technician: the log says why.</source>
        <translation>새 콘텐츠를 보여 줄 수 없어 이전 콘텐츠가 유지됩니다. 기술 담당자에게 문의하세요. 원인은 로그에 있습니다.</translation>
    </message>
    <message>
        <location filename="../staff/ProblemWords.qml" line="34"/>
        <source>The content “%1” stopped the kiosk several times soon after it was shown, so it is set aside and the content before it shows. Check the package, then install it again.</source>
        <translation>콘텐츠 “%1”이 표시된 직후 키오스크를 여러 번 멈추게 해 사용을 중지하고 이전 콘텐츠를 보여 줍니다. 패키지를 확인한 뒤 다시 설치하세요.</translation>
    </message>
    <message>
        <location filename="../staff/ProblemWords.qml" line="38"/>
        <source>The visitor figures could not be written to the stick “%1”. Check that it is not full or write-protected, then export again.</source>
        <translation>관람 통계를 USB “%1”에 저장하지 못했습니다. USB가 가득 찼거나 쓰기 방지되어 있지 않은지 확인한 뒤 다시 내보내세요.</translation>
    </message>
    <message>
        <location filename="../staff/ProblemWords.qml" line="42"/>
        <source>This PC does not let the kiosk set the screen&apos;s brightness. Use the monitor&apos;s own buttons.</source>
        <translation>이 PC에서는 키오스크가 화면 밝기를 바꿀 수 없습니다. 모니터의 버튼으로 조절하세요.</translation>
    </message>
    <message>
        <location filename="../staff/ProblemWords.qml" line="45"/>
        <source>Visitor figures cannot be recorded on this PC. Check that the disk has free space, then restart the kiosk.</source>
        <translation>이 PC에 관람 통계를 기록할 수 없습니다. 디스크에 여유 공간이 있는지 확인한 뒤 키오스크를 다시 시작하세요.</translation>
    </message>
    <message>
        <location filename="../staff/ProblemWords.qml" line="48"/>
        <source>No Korean font could be loaded, so Hangul may not show. Install the kiosk software again.</source>
        <translation>한글 글꼴을 불러오지 못해 한글이 보이지 않을 수 있습니다. 키오스크 소프트웨어를 다시 설치하세요.</translation>
    </message>
    <message>
        <location filename="../staff/ProblemWords.qml" line="51"/>
        <source>A wrong staff PIN was entered.</source>
        <translation>잘못된 직원 PIN이 입력되었습니다.</translation>
    </message>
    <message>
        <location filename="../staff/ProblemWords.qml" line="53"/>
        <source>Someone tried the staff pad, but this kiosk has no staff PIN. Set one with “gyeonggi-kiosk staff set-pin”.</source>
        <translation>누군가 직원 입력창을 열었지만 이 키오스크에는 직원 PIN이 설정되어 있지 않습니다. “gyeonggi-kiosk staff set-pin”으로 설정하세요.</translation>
    </message>
    <message>
        <location filename="../staff/ProblemWords.qml" line="56"/>
        <source>Screen %1 of the settings was not found, so the show is on the main screen. Check the screen&apos;s cable and the setting.</source>
        <translation>설정의 %1번 화면을 찾지 못해 기본 화면에 표시합니다. 화면 케이블과 설정을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../staff/ProblemWords.qml" line="60"/>
        <source>The kiosk noted a technical problem; the show goes on. If it comes back, give the technician the kiosk&apos;s log (“gyeonggi-kiosk status” says where it is).</source>
        <translation>키오스크에 기술적인 문제가 기록되었지만 전시는 계속됩니다. 다시 생기면 키오스크 로그를 기술 담당자에게 전달하세요(위치는 “gyeonggi-kiosk status”로 확인).</translation>
    </message>
    <message>
        <location filename="../staff/ProblemWords.qml" line="67"/>
        <source>%1 times in a row</source>
        <translation>연속 %1회</translation>
    </message>
</context>
<context>
    <name>SectionPager</name>
    <message>
        <location filename="../components/SectionPager.qml" line="154"/>
        <source>Page %1 of %2</source>
        <translation>%2쪽 중 %1쪽</translation>
    </message>
    <message>
        <location filename="../components/SectionPager.qml" line="182"/>
        <source>Back to the start</source>
        <translation>처음으로</translation>
    </message>
    <message>
        <location filename="../components/SectionPager.qml" line="182"/>
        <source>Read on</source>
        <translation>이어서 읽기</translation>
    </message>
</context>
<context>
    <name>ShowView</name>
    <message>
        <location filename="../staff/ShowView.qml" line="20"/>
        <source>Start the attract loop now</source>
        <translation>지금 대기 화면 시작</translation>
    </message>
    <message>
        <location filename="../staff/ShowView.qml" line="25"/>
        <source>Read the content again</source>
        <translation>콘텐츠 다시 읽기</translation>
    </message>
    <message>
        <location filename="../staff/ShowView.qml" line="30"/>
        <source>Restart the kiosk</source>
        <translation>키오스크 다시 시작</translation>
    </message>
    <message>
        <location filename="../staff/ShowView.qml" line="35"/>
        <source>Quit to the desktop…</source>
        <translation>바탕 화면으로 나가기…</translation>
    </message>
    <message>
        <location filename="../staff/ShowView.qml" line="44"/>
        <source>The exhibit stops. Sure?</source>
        <translation>전시가 멈춥니다. 나갈까요?</translation>
    </message>
    <message>
        <location filename="../staff/ShowView.qml" line="49"/>
        <source>Quit</source>
        <translation>나가기</translation>
    </message>
    <message>
        <location filename="../staff/ShowView.qml" line="55"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>SoundScreenView</name>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="21"/>
        <source>Sound</source>
        <translation>소리</translation>
    </message>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="29"/>
        <source>Quieter</source>
        <translation>소리 작게</translation>
    </message>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="35"/>
        <source>Volume %1%</source>
        <translation>음량 %1%</translation>
    </message>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="41"/>
        <source>Louder</source>
        <translation>소리 크게</translation>
    </message>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="46"/>
        <source>Sound on</source>
        <translation>소리 켜기</translation>
    </message>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="46"/>
        <source>Mute</source>
        <translation>소리 끄기</translation>
    </message>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="53"/>
        <source>Screen</source>
        <translation>화면</translation>
    </message>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="57"/>
        <source>Show a test pattern</source>
        <translation>화면 점검 패턴 보기</translation>
    </message>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="66"/>
        <source>Darker</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="71"/>
        <source>Brightness %1%</source>
        <translation>밝기 %1%</translation>
    </message>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="76"/>
        <source>Brighter</source>
        <translation>밝게</translation>
    </message>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="84"/>
        <source>This display&apos;s brightness cannot be set from the kiosk; use the monitor&apos;s own buttons.</source>
        <translation>이 화면의 밝기는 키오스크에서 바꿀 수 없습니다. 모니터의 버튼을 쓰세요.</translation>
    </message>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="90"/>
        <source>Opening hours</source>
        <translation>운영 시간</translation>
    </message>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="96"/>
        <source>No opening hours are set: the screen stays on day and night.</source>
        <translation>운영 시간이 설정되지 않았습니다. 화면은 밤낮으로 켜져 있습니다.</translation>
    </message>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="103"/>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="104"/>
        <source>Closed all day</source>
        <translation>종일 휴관</translation>
    </message>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="110"/>
        <source>The screen</source>
        <translation>화면</translation>
    </message>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="118"/>
        <source>Keep on today</source>
        <translation>오늘은 계속 켜기</translation>
    </message>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="125"/>
        <source>Keep off today</source>
        <translation>오늘은 계속 끄기</translation>
    </message>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="132"/>
        <source>As scheduled</source>
        <translation>운영 시간대로</translation>
    </message>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="144"/>
        <source>until midnight</source>
        <translation>자정까지</translation>
    </message>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="146"/>
        <source>until %1</source>
        <translation>%1까지</translation>
    </message>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="148"/>
        <source>until tomorrow %1</source>
        <translation>내일 %1까지</translation>
    </message>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="150"/>
        <source>until %1 at %2</source>
        <translation>%1 %2까지</translation>
    </message>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="151"/>
        <source>On</source>
        <translation>켜짐</translation>
    </message>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="151"/>
        <source>Off</source>
        <translation>꺼짐</translation>
    </message>
    <message>
        <location filename="../staff/SoundScreenView.qml" line="152"/>
        <source>(staff&apos;s choice for today)</source>
        <translation>(오늘은 직원이 정함)</translation>
    </message>
</context>
<context>
    <name>StaffPanelView</name>
    <message>
        <location filename="../staff/StaffPanelView.qml" line="51"/>
        <source>Saving to the USB stick…</source>
        <translation>USB에 저장하는 중…</translation>
    </message>
    <message>
        <location filename="../staff/StaffPanelView.qml" line="53"/>
        <source>Saved to the USB stick: %1</source>
        <translation>USB에 저장했습니다: %1</translation>
    </message>
    <message>
        <location filename="../staff/StaffPanelView.qml" line="55"/>
        <source>No USB stick found: insert one and try again.</source>
        <translation>USB를 찾지 못했습니다. USB를 꽂고 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../staff/StaffPanelView.qml" line="57"/>
        <source>Could not save to the USB stick “%1”: try another stick.</source>
        <translation>USB 메모리 “%1”에 저장하지 못했습니다. 다른 USB 메모리로 다시 해 보세요.</translation>
    </message>
    <message>
        <location filename="../staff/StaffPanelView.qml" line="59"/>
        <source>The USB stick “%1” cannot be written: it is locked or read-only. Unlock it or use another.</source>
        <translation>USB 메모리 “%1”에 쓸 수 없습니다: 잠겨 있거나 읽기 전용입니다. 잠금을 풀거나 다른 USB 메모리를 쓰세요.</translation>
    </message>
    <message>
        <location filename="../staff/StaffPanelView.qml" line="63"/>
        <source>The USB stick “%1” is full: free some space or use another.</source>
        <translation>USB 메모리 “%1”이(가) 가득 찼습니다. 공간을 비우거나 다른 USB 메모리를 쓰세요.</translation>
    </message>
    <message>
        <location filename="../staff/StaffPanelView.qml" line="65"/>
        <source>The previous content shows again: %1</source>
        <translation>이전 콘텐츠를 다시 보여 줍니다: %1</translation>
    </message>
    <message>
        <location filename="../staff/StaffPanelView.qml" line="67"/>
        <source>Could not roll back: %1</source>
        <translation>되돌리지 못했습니다: %1</translation>
    </message>
    <message>
        <location filename="../staff/StaffPanelView.qml" line="69"/>
        <source>Installing %1…</source>
        <translation>%1 설치 중…</translation>
    </message>
    <message>
        <location filename="../staff/StaffPanelView.qml" line="71"/>
        <source>Another package is being installed; wait for it.</source>
        <translation>다른 패키지를 설치하고 있습니다. 끝날 때까지 기다려 주세요.</translation>
    </message>
    <message>
        <location filename="../staff/StaffPanelView.qml" line="73"/>
        <source>Could not install: %1</source>
        <translation>설치하지 못했습니다: %1</translation>
    </message>
    <message>
        <location filename="../staff/StaffPanelView.qml" line="75"/>
        <source>The content was read again.</source>
        <translation>콘텐츠를 다시 읽었습니다.</translation>
    </message>
    <message>
        <location filename="../staff/StaffPanelView.qml" line="91"/>
        <source>Staff</source>
        <translation>직원</translation>
    </message>
    <message>
        <location filename="../staff/StaffPanelView.qml" line="101"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../staff/StaffPanelView.qml" line="105"/>
        <source>Content</source>
        <translation>콘텐츠</translation>
    </message>
    <message>
        <location filename="../staff/StaffPanelView.qml" line="109"/>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <location filename="../staff/StaffPanelView.qml" line="113"/>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <location filename="../staff/StaffPanelView.qml" line="117"/>
        <source>Sound and screen</source>
        <translation>소리와 화면</translation>
    </message>
    <message>
        <location filename="../staff/StaffPanelView.qml" line="121"/>
        <source>Show</source>
        <translation>운영</translation>
    </message>
    <message>
        <location filename="../staff/StaffPanelView.qml" line="143"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>StatusView</name>
    <message>
        <location filename="../staff/StatusView.qml" line="19"/>
        <location filename="../staff/StatusView.qml" line="79"/>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../staff/StatusView.qml" line="20"/>
        <source>signed by %1</source>
        <translation>서명: %1</translation>
    </message>
    <message>
        <location filename="../staff/StatusView.qml" line="22"/>
        <source>signature not valid</source>
        <translation>서명이 유효하지 않음</translation>
    </message>
    <message>
        <location filename="../staff/StatusView.qml" line="26"/>
        <source>signed by a key this kiosk does not trust</source>
        <translation>이 키오스크가 신뢰하지 않는 키로 서명됨</translation>
    </message>
    <message>
        <location filename="../staff/StatusView.qml" line="27"/>
        <source>unsigned</source>
        <translation>서명 없음</translation>
    </message>
    <message>
        <location filename="../staff/StatusView.qml" line="28"/>
        <source>built %1</source>
        <translation>제작 %1</translation>
    </message>
    <message>
        <location filename="../staff/StatusView.qml" line="34"/>
        <source>Kiosk name</source>
        <translation>키오스크 이름</translation>
    </message>
    <message>
        <location filename="../staff/StatusView.qml" line="39"/>
        <source>Content shown</source>
        <translation>현재 콘텐츠</translation>
    </message>
    <message>
        <location filename="../staff/StatusView.qml" line="40"/>
        <source>The built-in demo</source>
        <translation>기본 데모</translation>
    </message>
    <message>
        <location filename="../staff/StatusView.qml" line="45"/>
        <source>Previous content</source>
        <translation>이전 콘텐츠</translation>
    </message>
    <message>
        <location filename="../staff/StatusView.qml" line="50"/>
        <source>Free disk space</source>
        <translation>남은 저장 공간</translation>
    </message>
    <message>
        <location filename="../staff/StatusView.qml" line="55"/>
        <source>Running for</source>
        <translation>실행 시간</translation>
    </message>
    <message>
        <location filename="../staff/StatusView.qml" line="60"/>
        <source>Software version</source>
        <translation>소프트웨어 버전</translation>
    </message>
    <message>
        <location filename="../staff/StatusView.qml" line="70"/>
        <source>Recent problems</source>
        <translation>최근 문제</translation>
    </message>
</context>
<context>
    <name>TestPattern</name>
    <message>
        <location filename="../components/TestPattern.qml" line="76"/>
        <source>Test pattern: touch to close</source>
        <translation>점검 패턴: 누르면 닫힙니다</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../staff/TodayView.qml" line="45"/>
        <source>visitor sessions</source>
        <translation>관람 세션</translation>
    </message>
    <message>
        <location filename="../staff/TodayView.qml" line="50"/>
        <source>average session</source>
        <translation>평균 관람 시간</translation>
    </message>
    <message>
        <location filename="../staff/TodayView.qml" line="83"/>
        <source>languages</source>
        <translation>사용 언어</translation>
    </message>
    <message>
        <location filename="../staff/TodayView.qml" line="91"/>
        <source>Sessions per hour</source>
        <translation>시간대별 관람</translation>
    </message>
    <message>
        <location filename="../staff/TodayView.qml" line="146"/>
        <source>Corners</source>
        <translation>코너</translation>
    </message>
    <message>
        <location filename="../staff/TodayView.qml" line="170"/>
        <source>%1 visits · %2 · %3 of %4 videos to the end</source>
        <translation>방문 %1회 · %2 · 영상 %4회 중 %3회 끝까지</translation>
    </message>
</context>
<context>
    <name>VideoPanel</name>
    <message>
        <location filename="../components/VideoPanel.qml" line="217"/>
        <location filename="../components/VideoPanel.qml" line="320"/>
        <source>Play video</source>
        <translation>영상 재생</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="217"/>
        <location filename="../components/VideoPanel.qml" line="320"/>
        <source>Play again</source>
        <translation>다시 보기</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="241"/>
        <source>This video cannot be played right now.</source>
        <translation>지금은 이 영상을 재생할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="320"/>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="359"/>
        <source>Video position</source>
        <translation>재생 위치</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="401"/>
        <source>Sound on</source>
        <translation>소리 켜기</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="401"/>
        <source>Mute</source>
        <translation>소리 끄기</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="420"/>
        <source>Volume</source>
        <translation>음량</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="452"/>
        <source>Hide captions</source>
        <translation>자막 끄기</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="452"/>
        <source>Show captions</source>
        <translation>자막 켜기</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="458"/>
        <source>Leave full screen</source>
        <translation>전체 화면 끝내기</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="458"/>
        <source>Full screen</source>
        <translation>전체 화면</translation>
    </message>
</context>
</TS>
