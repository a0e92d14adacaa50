/**
 * Taiyi on the DJL PyTorch engine. This package owns bringing the engine up inside OSGi, fully
 * offline: DJL's engine discovery and native-library lookup go through the thread context class
 * loader, which in Equinox sees none of the wrapped DJL bundles, so the loader hands DJL a class
 * loader over exactly those bundles while the engine starts.
 */
package taiyi.workbench.inference.djl;
