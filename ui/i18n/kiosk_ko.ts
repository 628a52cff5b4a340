<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../components/ImageViewer.qml" line="91"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>VideoPanel</name>
    <message>
        <location filename="../components/VideoPanel.qml" line="93"/>
        <location filename="../components/VideoPanel.qml" line="157"/>
        <source>Play video</source>
        <translation>영상 재생</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="108"/>
        <source>This video cannot be played right now.</source>
        <translation>지금은 이 영상을 재생할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="157"/>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="184"/>
        <source>Video position</source>
        <translation>재생 위치</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="218"/>
        <source>Sound on</source>
        <translation>소리 켜기</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="218"/>
        <source>Mute</source>
        <translation>소리 끄기</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="234"/>
        <source>Volume</source>
        <translation>음량</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="263"/>
        <source>Hide captions</source>
        <translation>자막 끄기</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="263"/>
        <source>Show captions</source>
        <translation>자막 켜기</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="269"/>
        <source>Leave full screen</source>
        <translation>전체 화면 끝내기</translation>
    </message>
    <message>
        <location filename="../components/VideoPanel.qml" line="269"/>
        <source>Full screen</source>
        <translation>전체 화면</translation>
    </message>
</context>
</TS>
