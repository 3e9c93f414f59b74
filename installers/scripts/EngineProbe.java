import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.LibUtils;

/**
 * Loads the PyTorch engine the way the installed app does and runs one real tensor op. check-app-image.sh runs it
 * on the image's own runtime, class path and launcher options, to prove the bundled natives are the ones used.
 */
public final class EngineProbe {
    private EngineProbe() {
    }

    public static void main(String[] args) {
        Engine engine = Engine.getEngine("PyTorch");
        try (NDManager manager = engine.newBaseManager()) {
            NDArray x = manager.arange(6f).reshape(2, 3);
            float sum = x.matMul(x.transpose()).sum().getFloat();
            // [[0,1,2],[3,4,5]] times its transpose is [[5,14],[14,50]]: the sum is 83.
            if (sum != 83f) {
                throw new IllegalStateException("x . x^T summed to " + sum + ", expected 83");
            }
            System.out.println("engine=" + engine.getEngineName() + " version=" + engine.getVersion()
                    + " libtorch=" + LibUtils.getLibtorchPath() + " sum=" + sum);
        }
    }
}
