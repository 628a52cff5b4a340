pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Bridge
import theme

// Status: what `gyeonggi-kiosk status` says.
Column {
    id: page
    objectName: "staffStatusPage"

    required property StatusPage status

    spacing: Theme.spaceM

    function packageText(card: PackageCard): string {
        if (!card.present)
            return qsTr("None");
        const signer = card.signature === PackageCard.Signed ? qsTr("signed by %1").arg(card.signer) :
                                                               card.signature
                                                               === PackageCard.NotValid ? qsTr(
                                                                                              "signature not valid") :
                                                                                          card.signature
                                                                                          === PackageCard.Untrusted
                                                                                          ? qsTr("signed by a key this kiosk does not trust") :
                                                                                            qsTr("unsigned");
        return card.title + "\n" + card.packageId + " " + card.version + " · " + qsTr(
                    "built %1").arg(card.built) + " · " + signer;
    }

    FactRow {
        width: page.width
        label: qsTr("Content shown")
        value: page.status.active.present ? page.packageText(page.status.active) : qsTr(
                                                "The built-in demo")
    }
    FactRow {
        width: page.width
        label: qsTr("Previous content")
        value: page.packageText(page.status.previous)
    }
    FactRow {
        width: page.width
        label: qsTr("Free disk space")
        value: page.status.freeSpace || "-"
    }
    FactRow {
        width: page.width
        label: qsTr("Running for")
        value: page.status.uptimeSeconds > 0 ? Durations.words(page.status.uptimeSeconds) : "-"
    }
    FactRow {
        width: page.width
        label: qsTr("Software version")
        value: page.status.appVersion
    }
    FactRow {
        width: page.width
        label: qsTr("Recent problems")
        value: page.status.problems.length > 0 ? page.status.problems.join("\n") : qsTr("None")
    }
}
