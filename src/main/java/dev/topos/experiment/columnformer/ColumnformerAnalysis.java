package dev.topos.experiment.columnformer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.topos.model.Columnformer;
import dev.topos.report.ReportSection;
import dev.topos.report.RunReport;
import dev.topos.report.Sections;
import dev.topos.train.Checkpoints;
import dev.topos.train.TrainLoop;
import dev.topos.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;

/**
 * The analysis stage of a Columnformer run: loads the latest checkpoint (weights, and the source
 * tables of a rewired sparse model), evaluates it ({@link Evaluation}), analyses its connectivity
 * ({@link ConnectivityReport}) and writes {@code summary.json}, {@code figures/*.png},
 * {@code sections.json} and {@code report.html}.
 */
final class ColumnformerAnalysis {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ColumnformerAnalysis() {}

    static Path run(Path runDir, ColumnformerStudyConfig cfg, ImageInputs inputs) throws IOException {
        Path checkpoint = new Checkpoints(runDir).latest()
                .orElseThrow(() -> new IOException(runDir + ": no checkpoint to analyse; train first"));
        Map<String, Object> summary = new LinkedHashMap<>();
        List<ReportSection> sections = new ArrayList<>();
        Columnformer model = ColumnformerStudy.model(cfg, inputs.train().classes());
        try (PointerScope ignored = new PointerScope()) {
            Map<String, Tensor> saved = Checkpoints.load(checkpoint);
            Checkpoints.loadParameters(saved, model.parameters(), checkpoint.toString());
            if (cfg.rewire().every() > 0) {
                new ImageTask(model, inputs, cfg).loadState(Checkpoints.under(saved, TrainLoop.TASK_PREFIX),
                        checkpoint.toString());
            }
        }
        System.out.println("evaluating on " + inputs.validation().size() + " validation and "
                + inputs.test().size() + " test images");
        summary.put("task", cfg.task());
        summary.putAll(Evaluation.run(model, inputs, cfg));
        summary.put("params", model.parameterCount());
        summary.put("columns", model.sheet().size());
        summary.put("geometry", model.sheet().kind() + (cfg.model().geometry().learned() ? " (learned)" : ""));
        summary.put("train_steps", Checkpoints.stepOf(checkpoint));
        summary.put("forward_gflop_per_image", model.forwardFlops(1) / 1e9);
        if (cfg.mim()) {
            sections.add(Reconstructions.write(runDir, model, inputs, cfg));
        }
        sections.addAll(ConnectivityReport.write(runDir, model, inputs, cfg, summary));
        AtomicFiles.writeString(runDir.resolve(RunReport.SUMMARY_FILE), JSON.writeValueAsString(summary) + "\n");
        Sections.write(runDir.resolve(Sections.FILE_NAME), sections);
        return RunReport.write(runDir, ColumnformerStudy.KEY_FIGURES);
    }
}
