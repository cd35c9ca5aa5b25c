export { escapeHtml, escapeMarkdown, tableCell, markdownTable, codeSpan, details, hiddenMarker, formatNumber } from './markdown.js';
export { formatBytes } from './format-bytes.js';
export { textTable, displayValue } from './text-table.js';
export { validationText, validationMarkdown } from './validation.js';
export { renderEvaluationMarkdown, evaluationTitle } from './evaluation.js';
export { evaluationText } from './evaluation-text.js';
export * from './promotion.js';
export { driftMarkdown, driftText, driftHeadline, driftChart, mermaidLabel } from './drift.js';
export * from './monitor.js';
