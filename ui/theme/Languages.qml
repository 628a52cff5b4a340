pragma Singleton
import QtQuick

// Each language named in itself, so anyone finds their own: the language switch and the
// staff panel's figures name languages from here.
QtObject {
    readonly property var names: ({
                                      "ko": "한국어",
                                      "en": "English",
                                      "ja": "日本語",
                                      "zh": "中文"
                                  })

    function name(code: string): string {
        return names[code] ?? code;
    }
}
