"""One assessment definition, two languages: the texts of an edition picked from the `_<lang>` siblings.

A definition file keeps its Dutch texts under the plain keys (`title`, `text`, `label`, ...) and each
translation beside it with a suffix (`title_en`, `text_en`, ...), in the same mapping. Ids, points,
rules and sources are shared, so every edition scores exactly alike. `edition()` returns the plain
definition `scoring.load` expects, with the texts of one language; a text without its translation,
or a translation without its text, is an `EditionError` naming the path of the field.
"""

__all__ = ["TEXT_KEYS", "EditionError", "edition"]

# The user-facing texts of a definition (everything else is an id, a number, a rule or a URL).
TEXT_KEYS = frozenset({"title", "intro", "text", "label", "because", "meaning", "next", "description", "help"})


class EditionError(ValueError):
    """A definition's texts are incomplete for a language; the message is `path: expected`."""


def _where(path, key):
    return f"{path}.{key}" if path else key


def _pick(node, lang, langs, main_lang, path, faults):
    if isinstance(node, list):
        return [_pick(item, lang, langs, main_lang, f"{path}[{i}]", faults) for i, item in enumerate(node)]
    if not isinstance(node, dict):
        return node
    suffixes = {f"_{other}": other for other in langs if other != main_lang}
    out = {}
    for key, value in node.items():
        base, other = next(((key[: -len(s)], o) for s, o in suffixes.items() if key.endswith(s)), (key, None))
        if other is not None:
            if base not in node:
                faults.append(f"{_where(path, key)}: a translation of '{base}', which this mapping does not have")
            continue
        if key in TEXT_KEYS and isinstance(value, str):
            for suffix in suffixes:
                if f"{key}{suffix}" not in node:
                    faults.append(f"{_where(path, key + suffix)}: the {suffixes[suffix]!r} text beside "
                                  f"'{key}' (every text of a definition has one)")
            if lang != main_lang and isinstance(node.get(f"{key}_{lang}"), str):
                value = node[f"{key}_{lang}"]
        out[key] = _pick(value, lang, langs, main_lang, _where(path, key), faults)
    return out


def edition(data, lang, langs=("nl", "en"), main_lang="nl"):
    """The definition `data` with the texts of `lang` under the plain keys and no `_<lang>` keys left.

    Raises EditionError listing every missing or stray translation (one `path: expected` per line).
    """
    faults = []
    picked = _pick(data, lang, langs, main_lang, "", faults)
    if faults:
        raise EditionError("\n".join(faults))
    return picked
