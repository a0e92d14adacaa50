/**
 * Test support shared by the test fragments, never shipped in the product: the repository's real
 * corpora under {@code testdata/} ({@link taiyi.workbench.testing.TestCorpora}), and test bodies run
 * on one PyTorch thread ({@link taiyi.workbench.testing.OneTorchThread}). A helper moves here
 * once two or more fragments need it; one fragment's own helpers stay in that fragment.
 */
package taiyi.workbench.testing;
