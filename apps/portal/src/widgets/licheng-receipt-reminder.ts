// <licheng-receipt-reminder> as a widget: one script tag, one element (docs/embedding.md).
import '@licheng/plugin-receipt/web/receipt-reminder/receipt-reminder.ts';
