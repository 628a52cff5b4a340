pragma Singleton
import QtQuick
import theme

// Each kind of problem staff are told about (kiosk/notices.py) in the panel's
// language: what happened, to which thing, and what to do. The technical line stays in
// the log, for the technician.
QtObject {
    function sentence(kind: string, subject: var, language: string): string {
        const thing = Languages.pick(subject, language);  // in the panel's language
        switch (kind) {
        case "no_sound":
            return qsTr(
                        "No sound output was found: videos and narration play silently. Check that the speakers are connected and on, then restart the kiosk.");
        case "video_unplayable":
            return qsTr(
                        "The video of the corner “%1” cannot play; visitors see its picture instead. Build the package again with the video as H.264 in MP4, or ask the technician.").arg(
                        thing);
        case "attract_item_skipped":
            return qsTr(
                        "Item %1 of the attract loop could not be shown and is skipped. Check its file, then build the package again.").arg(
                        thing);
        case "package_not_installed":
            return qsTr(
                        "The package “%1” was not installed; the content shown stays. The report written beside it says why.").arg(
                        thing);
        case "content_damaged":
            return qsTr(
                        "The installed content is damaged, so the content before it is shown. Install the package again from its stick.");
        case "content_not_shown":
            return qsTr(
                        "New content could not be shown, so the content before it stays. Ask the technician: the log says why.");
        case "content_set_aside":
            return qsTr(
                        "The content “%1” stopped the kiosk several times soon after it was shown, so it is set aside and the content before it shows. Check the package, then install it again.").arg(
                        thing);
        case "export_failed":
            return qsTr(
                        "The visitor figures could not be written to the stick “%1”. Check that it is not full or write-protected, then export again.").arg(
                        thing);
        case "brightness_unavailable":
            return qsTr(
                        "This PC does not let the kiosk set the screen's brightness. Use the monitor's own buttons.");
        case "visitors_not_counted":
            return qsTr(
                        "Visitor figures cannot be recorded on this PC. Check that the disk has free space, then restart the kiosk.");
        case "no_korean_font":
            return qsTr(
                        "No Korean font could be loaded, so Hangul may not show. Install the kiosk software again.");
        case "wrong_pin":
            return qsTr("A wrong staff PIN was entered.");
        case "pin_not_set":
            return qsTr(
                        "Someone tried the staff pad, but this kiosk has no staff PIN. Set one with “gyeonggi-kiosk staff set-pin”.");
        case "screen_not_found":
            return qsTr(
                        "Screen %1 of the settings was not found, so the show is on the main screen. Check the screen's cable and the setting.").arg(
                        thing);
        default:
            return qsTr(
                        "The kiosk noted a technical problem; the show goes on. If it comes back, give the technician the kiosk's log (“gyeonggi-kiosk status” says where it is).");
        }
    }

    // "3 times in a row", for a problem that came again and again.
    function repeats(times: int): string {
        return times > 1 ? qsTr("%1 times in a row").arg(times) : "";
    }
}
