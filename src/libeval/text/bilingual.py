"""The one shape of bilingual text: a Chinese and an English text, with one fallback rule.

Every label, message, name and explanation libeval shows exists in both languages as a
`Bilingual`. `get(lang)` gives the text in that language, or the other language's text when
that one is empty (a standard's node without `name_en` shows its Chinese name in English output).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Bilingual:
    zh: str
    en: str = ""

    def get(self, lang: str) -> str:
        """The text in `lang` ("en", else Chinese), falling back to the other language."""
        if lang == "en":
            return self.en or self.zh
        return self.zh or self.en

    def format(self, **args: object) -> Bilingual:
        """Both texts with `{name}` placeholders filled."""
        return Bilingual(self.zh.format(**args), self.en.format(**args))
