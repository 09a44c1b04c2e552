"""Interface language: Qt translators for our strings and Qt's own, remembered in QSettings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QSettings, QTranslator

from ..paths import resource

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
_state = {"lang": "en", "translators": []}


def normalize(lang: str | None) -> str:
    """'zh', 'zh_CN', 'zh-Hans' -> 'zh_CN'; anything else -> 'en'."""
    text = str(lang or "").replace("-", "_").lower()
    return "zh_CN" if text.startswith("zh") else "en"


def current() -> str:
    """The language the interface speaks now ('en' or 'zh_CN')."""
    return _state["lang"]


def saved_language() -> str:
    """The language chosen last time, else the system's."""
    value = QSettings().value("language")
    return normalize(value if value else QLocale.system().name())


def set_language(lang: str, remember: bool = True) -> str:
    """Install the translators of `lang` (replacing the previous ones); returns the language."""
    lang = normalize(lang)
    app = QCoreApplication.instance()
    for tr in _state["translators"]:
        app.removeTranslator(tr)
    _state["translators"] = []
    if lang != "en":
        ours = QTranslator(app)
        if ours.load(str(resource("translations", f"llmcost_{lang}.qm"))):
            _state["translators"].append(ours)
        qt_own = QTranslator(app)
        if qt_own.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _state["translators"].append(qt_own)
    changed = bool(_state["translators"]) or lang != _state["lang"]
    _state["lang"] = lang
    for tr in _state["translators"]:
        app.installTranslator(tr)
    if changed and not _state["translators"] and lang != "en":
        # no .qm found: widgets still retranslate from the catalogue (core.labels)
        QCoreApplication.postEvent(app, QEvent(QEvent.Type.LanguageChange))
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if lang == "zh_CN"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    if remember:
        QSettings().setValue("language", lang)
    return lang
