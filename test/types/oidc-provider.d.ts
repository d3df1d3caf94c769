/** The slice of oidc-provider that the test provider uses: the package ships no type declarations. */
declare module 'oidc-provider' {
  import type { RequestListener } from 'node:http';

  export class Provider {
    constructor(issuer: string, configuration: object);
    callback(): RequestListener;
  }

  export const errors: { InvalidTarget: new () => Error };
}
