package taiyi.workbench.inference.djl;

import java.nio.file.Path;

/**
 * What the loaded engine reports about itself.
 *
 * @param name engine name ({@code PyTorch})
 * @param version version of the native library (libtorch)
 * @param djlVersion version of the DJL API
 * @param gpuCount how many CUDA devices the engine sees
 * @param defaultDevice the device new arrays go to ({@code cpu()} or {@code gpu(0)})
 * @param nativeCache folder the natives were unpacked into
 * @param check result of a small computation on the engine, proof the natives run
 */
public record EngineInfo(String name, String version, String djlVersion, int gpuCount, String defaultDevice,
        Path nativeCache, float check) {
}
