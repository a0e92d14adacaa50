package taiyi.workbench.learning.simulation;

/**
 * A mean and the sample standard deviation (0 for one value).
 *
 * @param mean the mean
 * @param sd the sample standard deviation
 */
public record MeanSd(double mean, double sd) {

    public static MeanSd of(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new MeanSd(mean, values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0);
    }
}
