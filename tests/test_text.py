from diplograph.text import fold, token_key


def test_fold_strips_diacritics_and_keeps_length():
    for original, folded in [
        ("Çavuşoğlu", "cavusoglu"),
        ("Türkiye", "turkiye"),
        ("İstanbul", "istanbul"),
        ("Jean-Noël", "jean-noel"),
    ]:
        assert fold(original) == folded
        assert len(fold(original)) == len(original)


def test_token_key_ignores_punctuation():
    assert token_key("U.S.") == ("u", "s")
    assert token_key("Erdoğan’s") == ("erdogan", "s")
