import { createTheme, InputWrapper } from '@mantine/core';

// Chinese glyphs come from the OS CJK fonts (YaHei on Windows, PingFang on macOS, Noto on Linux);
// listing them explicitly keeps Chinese and Latin text from mixing odd fallback faces.
const SANS =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif';

export const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily: SANS,
  headings: { fontFamily: SANS },
  defaultRadius: 'sm',
  components: {
    // Hints under the box, not between label and box: inputs side by side in a grid stay aligned.
    InputWrapper: InputWrapper.extend({ defaultProps: { inputWrapperOrder: ['label', 'input', 'description', 'error'] } }),
  },
});
