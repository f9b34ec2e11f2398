export declare const repoRoot: string;
export declare const distPath: string;
export declare function buildService(): void;
export declare function checkPaneBuilt(): void;
export declare function startService(options?: { build?: boolean; readyTimeoutMs?: number; configuration?: Record<string, string> }): Promise<{
  baseUrl: string;
  stop: () => Promise<void>;
  output: string[];
}>;
