package taiyi.workbench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import taiyi.workbench.core.runtime.WorkbenchDataFolder;
import taiyi.workbench.inference.djl.EngineInfo;
import taiyi.workbench.inference.djl.PyTorchEngineLoader;
import taiyi.workbench.store.CorpusStore;

/**
 * {@code taiyi version}: the versions of the workbench and of what it runs on, loading the DJL
 * PyTorch engine offline on the way, which proves the native libraries work in this installation.
 */
@Command(name = "version", description = "Print the workbench, Java, Lucene, H2 and DJL/PyTorch engine versions "
        + "(loads the engine offline, natives unpacked into the workbench data folder).")
final class VersionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        WorkbenchDataFolder data = WorkbenchDataFolder.resolve();
        out.println("workbench: " + WorkbenchVersion.get());
        out.println("java:      " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        out.println("lucene:    " + org.apache.lucene.util.Version.LATEST);
        out.println("h2:        " + CorpusStore.h2Version());
        out.println("data:      " + data.root());
        long t0 = System.nanoTime();
        EngineInfo engine = PyTorchEngineLoader.load(data.engineCache());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        out.println("djl:       " + engine.djlVersion());
        out.println("engine:    " + engine.name() + " " + engine.version() + " on " + engine.defaultDevice()
                + " (" + engine.gpuCount() + " GPU), natives in " + engine.nativeCache());
        out.printf("taiyi version: workbench %s, %s %s engine loaded offline in %d ms, check %.1f%n", WorkbenchVersion.get(),
                engine.name(), engine.version(), ms, engine.check());
        return 0;
    }
}
