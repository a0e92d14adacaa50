package taiyi.workbench.learning.evaluation;

/**
 * How far two curators agree on the same documents.
 *
 * @param documents how many documents both curated
 * @param mentions exact span-and-type agreement by entity type, the first curator taken as gold (F1 is
 *     the same either way round; precision and recall swap)
 * @param relations exact (head, tail, type) agreement by relation type
 * @param tokens how many tokens the kappa counted
 * @param observed the share of tokens given the same label
 * @param kappa Cohen's kappa over token labels: agreement beyond what the two curators' label rates
 *     give by chance
 */
public record Agreement(int documents, ScoreTable mentions, ScoreTable relations, int tokens, double observed, double kappa) {
}
