pragma Singleton
import QtQuick

// Durations for staff, in the panel's language: "3분 39초", "2 h 05 min". Never bare
// seconds past a minute, never English words in the Korean panel.
QtObject {
    function words(seconds: real): string {
        const whole = Math.max(0, Math.round(seconds));
        if (whole < 60)
            return qsTr("%1 s").arg(whole);
        const minutes = Math.floor(whole / 60);
        if (minutes < 60) {
            const rest = whole % 60;
            return rest ? qsTr("%1 min %2 s").arg(minutes).arg(rest) : qsTr("%1 min").arg(minutes);
        }
        const hours = Math.floor(minutes / 60);
        if (hours < 24)
            return qsTr("%1 h %2 min").arg(hours).arg(String(minutes % 60).padStart(2, "0"));
        return qsTr("%1 d %2 h").arg(Math.floor(hours / 24)).arg(hours % 24);
    }
}
