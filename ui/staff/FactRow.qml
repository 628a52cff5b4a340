import QtQuick
import theme

// One fact on a staff page: what it is, muted, beside its value.
Row {
    id: row

    required property string label
    required property string value

    spacing: Theme.spaceM

    StaffText {
        width: Theme.px(320)
        text: row.label
        muted: true
    }
    StaffText {
        width: row.width - Theme.px(320) - row.spacing
        text: row.value
        strong: true
        lineHeight: 1.2
    }
}
