/** The part of autocannon 8's API that bench/load.ts uses (the package ships no types). */
declare module 'autocannon' {
  namespace autocannon {
    interface Result {
      requests: { average: number; total: number };
      latency: { p99: number };
      errors: number;
      non2xx: number;
    }
  }
  function autocannon(opts: {
    url: string;
    method?: string;
    body?: string;
    headers?: Record<string, string>;
    connections?: number;
    amount?: number;
    timeout?: number;
  }): Promise<autocannon.Result>;
  export default autocannon;
}
