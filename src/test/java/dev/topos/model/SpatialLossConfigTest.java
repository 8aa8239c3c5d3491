package dev.topos.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.topos.config.ConfigException;
import dev.topos.geometry.Sheet;
import dev.topos.geometry.Sheets;
import dev.topos.nn.SpatialCorrelationLoss;
import dev.topos.nn.Tensors;
import dev.topos.util.Rng;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.Test;

class SpatialLossConfigTest {
    private static final int SIDE = 6;

    @Test
    void theConfigMeansOverLayersAndSitesAndNamesBadValues() {
        Sheet sheet = Sheets.grid(SIDE, true);
        SpatialLossConfig cfg = new SpatialLossConfig(2.5, 2, 1, List.of("attn_out", "ffn_out"));
        try (PointerScope ignored = new PointerScope()) {
            Tensor a = responses(1);
            Tensor b = responses(2);
            Tensor c = responses(3);
            double mean = Tensors.item(cfg.loss(List.of(Map.of("attn_out", a, "ffn_out", b),
                    Map.of("attn_out", c, "ffn_out", a)), sheet, new Rng(9)));
            // the same draws, one call at a time, in the order layers x sites
            SpatialCorrelationLoss sl = new SpatialCorrelationLoss(sheet, 1, 2);
            Rng rng = new Rng(9);
            double sum = 0;
            for (Tensor x : List.of(a, b, c, a)) {
                sum += Tensors.item(sl.apply(x, rng));
            }
            assertEquals(sum / 4, mean, 1e-6);
        }
        String m = assertThrows(ConfigException.class,
                () -> new SpatialLossConfig(1, 5, 5, List.of("attn_out", "query")).validate("model.spatial_loss"))
                .getMessage();
        assertTrue(m.contains("model.spatial_loss.sites") && m.contains("query"), m);
    }

    private static Tensor responses(long seed) {
        Rng rng = new Rng(seed);
        double[] x = new double[30 * SIDE * SIDE];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        return Tensors.doubles(x, 30, SIDE * SIDE).toType(ScalarType.Float);
    }
}
