package dev.topos.data.suites;

/** Where the suites' items come from and under which terms, for the suite files' headers. */
final class Provenance {
    private Provenance() {}

    private static final String BROWN_DATA = "Brown corpus, tagged form C (Francis & Kucera 1964, revised 1979); "
            + "license: redistribution permitted";
    static final String BROWN = "source: " + BROWN_DATA;
    static final String BROWN_FREQUENCIES = "word frequencies: " + BROWN_DATA;
    static final String AFINN = "source: AFINN-165 word valence lexicon (Finn Arup Nielsen 2011, 2015); license: MIT";
    static final String UCI = "source: UCI Sentiment Labelled Sentences (Kotzias, Denil, de Freitas & Smyth, "
            + "KDD 2015); license: CC BY 4.0";
}
