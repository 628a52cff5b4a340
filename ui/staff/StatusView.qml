pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Bridge
import theme

// Status: what `gyeonggi-kiosk status` says.
Column {
    id: page
    objectName: "staffStatusPage"

    required property StatusPage status
    // The panel's language: a problem's subject is named in it where it has a name in it.
    property string language: "ko"

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
        label: qsTr("Kiosk name")
        value: page.status.kioskName || "-"
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
    // Each problem in a sentence: what happened to which thing, and what to do.
    Row {
        width: page.width
        spacing: Theme.spaceM

        StaffText {
            width: Theme.px(320)
            text: qsTr("Recent problems")
            muted: true
        }
        Column {
            objectName: "recentProblems"
            width: parent.width - Theme.px(320) - parent.spacing
            spacing: Theme.spaceS
            StaffText {
                visible: page.status.problems.length === 0
                text: qsTr("None")
                strong: true
            }
            Repeater {
                model: page.status.problems
                Column {
                    id: problem
                    required property var modelData
                    width: parent.width
                    StaffText {
                        width: parent.width
                        text: [problem.modelData.at, ProblemWords.repeats(
                                problem.modelData.times)].filter(part => part.length > 0).join(
                            " · ")
                        muted: true
                    }
                    StaffText {
                        objectName: "problemSentence"
                        width: parent.width
                        text: ProblemWords.sentence(problem.modelData.kind,
                                                    problem.modelData.subject, page.language)
                        strong: true
                        lineHeight: 1.2
                    }
                }
            }
        }
    }
}
