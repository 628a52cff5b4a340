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

    // From texts by language (a package's title, a problem's subject): the one in
    // ``language``, else the first there is.
    function pick(texts: var, language: string): string {
        if (!texts)
            return "";
        if (texts[language])
            return texts[language];
        const all = Object.values(texts);
        return all.length > 0 ? String(all[0]) : "";
    }
}
