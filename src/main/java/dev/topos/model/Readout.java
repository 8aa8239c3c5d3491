package dev.topos.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

/** The MLP readout both walk models share: Linear(hidden) → ReLU → Linear(symbols) (DJL blocks). */
final class Readout {
    private Readout() {}

    static SequentialBlock mlp(NDManager manager, int inputs, int hidden, int symbols) {
        SequentialBlock block = new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(symbols).build());
        block.initialize(manager, DataType.FLOAT32, new Shape(1, inputs));
        return block;
    }
}
