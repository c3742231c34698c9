/** A latch the scheduling loop waits on: any finished step wakes it at once instead of at the next poll. */
export function createWakeup(): { wake(): void; wait(ms: number): Promise<void> } {
  let release: () => void = () => undefined;
  let pending = new Promise<void>((resolve) => (release = resolve));
  return {
    wake: () => release(),
    wait: async (ms) => {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([pending, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
      clearTimeout(timer);
      pending = new Promise<void>((resolve) => (release = resolve));
    },
  };
}
