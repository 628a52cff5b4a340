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

    // The widest line of reading text, in ems of its size: about 52 characters of Latin
    // script (the Smithsonian's 45 to 55), about 38 of Hangul, whose syllables are wider
    // and say more each (kiosk/layout_check.py measures what a screen shows).
    readonly property var measures: ({
                                         "ko": 29,
                                         "ja": 29,
                                         "zh": 29
                                     })

    function measure(code: string): real {
        return measures[code] ?? 24;
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
