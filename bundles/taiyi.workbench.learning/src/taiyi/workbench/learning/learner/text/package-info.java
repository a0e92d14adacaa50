/**
 * How the learners cut a text into the units they label: words and punctuation in English, single
 * characters in Chinese, and where a match may begin or end without splitting a word.
 */
package taiyi.workbench.learning.learner.text;
