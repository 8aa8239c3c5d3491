package dev.topos.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

/** The build routes libtorch's fp32 BLAS to MKL (as the topos command does), and MKL multiplies correctly. */
class BlasTest {
    @Test
    void fp32ProductsRunOnMklAndAgreeWithAHandComputedProduct() {
        assertEquals("mkl_rt", System.getProperty(Blas.PROPERTY), "surefire sets the switch as Blas.useMkl does");
        try (PointerScope ignored = new PointerScope()) {
            // [[1, 2, 3], [4, 5, 6]] x [[1, 0], [0, 1], [2, -1]] = [[7, -1], [16, -1]]
            Tensor a = Tensors.floats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
            Tensor b = Tensors.floats(new float[] {1, 0, 0, 1, 2, -1}, 3, 2);
            assertArrayEquals(new float[] {7, -1, 16, -1}, Tensors.toFloats(a.matmul(b)), 0f);
            Tensor big = Init.normal(1, 64, 64);
            Tensor eye = org.bytedeco.pytorch.global.torch.eye(64);
            assertArrayEquals(Tensors.toFloats(big), Tensors.toFloats(big.matmul(eye)), 1e-6f);
        }
        assertEquals("MKL", Blas.loaded());
    }
}
