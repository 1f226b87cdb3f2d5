import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The CJK font every PDF embeds: Noto Sans TC (思源黑體 with the Traditional Chinese glyph set),
 * static TrueType instances from the npm package `@expo-google-fonts/noto-sans-tc` (Google
 * Fonts' build; SIL Open Font License 1.1, which allows embedding a subset in documents). It
 * installs with the server's dependencies, so a fresh machine or CI needs no system font. Only
 * the glyphs a document uses are embedded (pdfkit subsets the font and writes a ToUnicode map,
 * so the Chinese text can be searched and copied). It covers Latin too: a document uses no
 * other font.
 */
export const PDF_FONT = {
  family: 'Noto Sans TC',
  package: '@expo-google-fonts/noto-sans-tc',
  license: 'OFL-1.1',
  regular: require.resolve('@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf'),
} as const;
