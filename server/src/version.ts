// The version the server reports in `initialize` and the CLI prints (--version, SARIF): package.json's.
export const VERSION = '0.1.0';
