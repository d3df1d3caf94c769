/** The current time. Passed where time decides behaviour, so that tests can set it instead of faking timers. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
