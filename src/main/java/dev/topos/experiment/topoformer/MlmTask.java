package dev.topos.experiment.topoformer;

import dev.topos.data.text.MlmMasking;
import dev.topos.model.SpatialLossConfig;
import dev.topos.model.TopoformerBert;
import dev.topos.nn.Tensors;
import dev.topos.train.SampledTask;
import dev.topos.util.Rng;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;

/**
 * Masked-language-model pretraining (Devlin et al. 2019; the crammed-BERT recipe): each update
 * draws the next mini-batch of a seeded epoch order of the training sequences, corrupts it with
 * {@link MlmMasking} (15%, 80/10/10), and takes the mean cross-entropy of the original tokens at the
 * chosen positions:
 * <pre>
 *   L_MLM = - (1 / |M|) sum_{(b, t) in M} log softmax(logits[b, t])[x[b, t]]
 * </pre>
 * The masking of update s draws from a generator seeded by (seed, s), and dropout from the engine's
 * generator reseeded likewise, so a resumed run corrupts and drops exactly as an uninterrupted one.
 * With TopoLM's spatial loss on ({@code model.spatial_loss.alpha} &gt; 0) the loss is
 * L_MLM + alpha SL over the layers' outputs ({@link SpatialLossConfig}), both logged.
 * Validation scores one fixed masking of the validation sequences (drawn once from the seed), so
 * that its numbers are comparable along the run and between runs of one seed.
 */
public final class MlmTask extends SampledTask {
    /** Labels that derive the masking generators from the seed. */
    private static final long TRAIN_MASKING = 0x6D6C6D;
    static final long VALIDATION_MASKING = 0x76616C;
    /** Label that derives the generator of the spatial loss's neighbourhoods from the seed. */
    private static final long SPATIAL = 0x73706C;
    private final TopoformerBert model;
    private final int[][] train;
    private final MlmMasking masking;
    private final MlmMasking.Masked validation;
    private final int evalBatch;

    /**
     * @param train      training sequences, each the model's length
     * @param validation the validation sequences, masked once
     * @param evalBatch  sequences per forward pass when validating
     */
    public MlmTask(TopoformerBert model, int[][] train, MlmMasking.Masked validation, MlmMasking masking, int batch,
                   int evalBatch, long seed) {
        super(model.parameters(), train.length, batch, seed);
        this.model = model;
        this.train = train;
        this.validation = validation;
        this.masking = masking;
        this.evalBatch = evalBatch;
    }

    @Override
    public Loss forward(long step) {
        int[] index = next(step);
        int[][] sequences = new int[index.length][];
        for (int i = 0; i < index.length; i++) {
            sequences[i] = train[index[i]];
        }
        MlmMasking.Masked masked = masking.apply(sequences, Rng.derive(Rng.derive(seed, TRAIN_MASKING).nextLong(), step));
        MaskedBatch b = MaskedBatch.of(masked, 0, index.length);
        TopoformerBert.Encoded encoded = b.encode(model, true);
        Tensor logits = b.logits(model, encoded);
        Tensor mlm = Tensors.div(b.lossSum(logits), Math.max(1, b.count()));
        Map<String, Tensor> metrics = new LinkedHashMap<>();
        metrics.put("mlm_acc", Tensors.div(b.correct(logits), Math.max(1, b.count())));
        SpatialLossConfig spatial = model.config().spatialLoss();
        if (!spatial.on()) {
            return new Loss(mlm, metrics);
        }
        Tensor sl = spatial.loss(encoded.layers(), model.sheet(), Rng.derive(Rng.derive(seed, SPATIAL).nextLong(), step));
        metrics.put("mlm_loss", mlm);
        metrics.put("spatial_loss", sl);
        return new Loss(mlm.add(Tensors.mul(sl, spatial.alpha())), metrics);
    }

    /** {@code val_loss}, {@code val_ppl} and {@code val_acc} over the masked validation positions (no dropout). */
    @Override
    public Map<String, Double> validate() {
        MlmScore score = MlmScore.of(model, validation, evalBatch);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("val_loss", score.loss());
        out.put("val_ppl", score.perplexity());
        out.put("val_acc", score.accuracy());
        return out;
    }
}
