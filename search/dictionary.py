"""Whether a word is a word of the language: Debian's hunspell dictionaries, read through
Enchant (pyenchant). "Did you mean" corrects only words that are in neither the index nor the
dictionary, so a correct word the index happens not to hold ("slaat", "line") is never replaced.

A machine without Enchant or without a language's dictionary cannot tell a correct word from a
typo in that language: `installed` says so (logged once per process) and `is_word` is False."""

import logging
import threading

logger = logging.getLogger(__name__)
# British English (the sheet's), Belgian French and Dutch: Debian's hunspell-en-gb, hunspell-fr
# and hunspell-nl.
TAGS = {"en": "en_GB", "fr": "fr_BE", "nl": "nl_BE"}
PROVIDER = "hunspell"
PACKAGES = "libenchant-2-2, hunspell-en-gb, hunspell-fr and hunspell-nl"

# Enchant and hunspell keep each dictionary's state in C: one call at a time in this process.
_lock = threading.Lock()
_dictionaries: dict[str, object] = {}


def _request(tag: str):
    """Enchant's hunspell dictionary for exactly `tag`, or None and why not."""
    try:
        import enchant
    except (ImportError, OSError) as error:  # Enchant's C library is missing or unloadable
        return None, error
    broker = enchant.Broker()
    broker.set_ordering(tag, PROVIDER)
    try:
        found = broker.request_dict(tag)
    except enchant.errors.Error as error:
        return None, error
    if found.tag != tag or found.provider.name != PROVIDER:  # a fallback: "en", or aspell's
        return None, f"Enchant offers only {found.tag} from {found.provider.name}"
    return found, None


def _dictionary(language: str):
    with _lock:
        if language not in _dictionaries:
            found, reason = _request(TAGS[language])
            if found is None:
                logger.info(
                    "No %s dictionary for %s (%s): 'Did you mean' is not offered in this"
                    " language. Install Debian's %s.",
                    PROVIDER, TAGS[language], " ".join(str(reason).split()), PACKAGES,
                )  # fmt: skip
            _dictionaries[language] = found
        return _dictionaries[language]


def installed(language: str) -> bool:
    """Whether this machine has the language's dictionary."""
    return _dictionary(language) is not None


def is_word(word: str, language: str) -> bool:
    """Whether `word`, as typed or in lower case, is a word of the language ("Bruxelles" is,
    "bruxelles" is not, in French; "Mijn" is, as "mijn"). False without the dictionary. Not
    cached: a check takes microseconds, and the words people type are kept nowhere."""
    found = _dictionary(language)
    if found is None:
        return False
    with _lock:
        return any(found.check(form) for form in dict.fromkeys((word, word.lower())))
