package dev.topos.experiment.topoformer;

import dev.topos.data.TokenizedSet;
import dev.topos.data.suites.Suite;
import dev.topos.data.text.BertWordPiece;
import dev.topos.model.TopoformerBert;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Probes every layer of a Topoformer-BERT with linguistic test suites: each suite's items encoded
 * with WordPiece, the token-averaged activations of every site of every layer ({@link BertSites}),
 * and per site the statistics of {@link SuiteProbe.Statistics} (Welch t-map, FDR, Moran's I raw and
 * smoothed, topography index), as the Topoformer paper reads its BERT's layers (Binhuraib, Tuckute
 * &amp; Blauch 2024, §4).
 */
final class BertSuiteProbe {
    private BertSuiteProbe() {}

    /** Probes with suites already read ({@link SuiteProbe#read}); copies each into the run folder. */
    static SuiteProbe.Results run(TopoformerBert model, TopoformerBertStudyConfig cfg, BertWordPiece tokenizer,
                                  SuiteProbe.Suites suites, Path runDir) throws IOException {
        List<SuiteProbe.SuiteResult> configured = new ArrayList<>();
        for (Suite suite : suites.configured()) {
            configured.add(probe(model, cfg, tokenizer, SuiteProbe.keep(suite, runDir)));
        }
        List<SuiteProbe.SuiteResult> extra = new ArrayList<>();
        for (Suite suite : suites.extra()) {
            extra.add(probe(model, cfg, tokenizer, SuiteProbe.keep(suite, runDir)));
        }
        return new SuiteProbe.Results(configured, extra);
    }

    private static SuiteProbe.SuiteResult probe(TopoformerBert model, TopoformerBertStudyConfig cfg,
                                                BertWordPiece tokenizer, Suite suite) {
        SuiteProbe.Items items = SuiteProbe.Items.of(suite, cfg.analysis().maxItems());
        TokenizedSet encoded = BertSites.encode(items.all(), items.labels(), tokenizer, cfg.model().length());
        List<String> sites = BertSites.of(cfg.model().layers());
        Map<String, double[][]> acts = Activations.tokenAveraged(encoded, cfg.analysis().evalBatch(), sites,
                b -> BertSites.forward(model, b));
        SuiteProbe.Statistics statistics = new SuiteProbe.Statistics(model.sheet(), cfg.model().side(),
                cfg.analysis().fdrQ(), cfg.analysis().smoothingFwhm(), cfg.seed());
        Map<String, SuiteProbe.LayerResult> out = new LinkedHashMap<>();
        for (String site : sites) {
            out.put(site, statistics.of(acts.get(site), items.a().size()));
        }
        return new SuiteProbe.SuiteResult(suite.name(), suite.a().name(), suite.b().name(), items.a().size(),
                items.b().size(), SuiteProbe.unknownShare(encoded, tokenizer.vocabulary().unkId()), out);
    }
}
