import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useSearch } from 'wouter';
import { navigate } from 'wouter/use-browser-location';
import { fieldErrors, generalError, signInOptions, tokenLogin } from '../api';
import { PageTitle } from '../components/PageTitle';
import { ProblemAlert } from '../components/ProblemAlert';
import { TextField } from '../components/TextField';
import { keys } from '../keys';
import { safeNext } from '../paths';

/** Sign in with an API token, or with the OpenID provider when the server has one; then back to `next`. */
export function SignInPage() {
  const next = safeNext(new URLSearchParams(useSearch()).get('next'));
  const queryClient = useQueryClient();
  const options = useQuery({
    queryKey: keys.signIn,
    queryFn: signInOptions,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [token, setToken] = useState('');
  const login = useMutation({
    mutationFn: (pasted: string) => tokenLogin(options.data?.token_login ?? '', pasted),
    onSuccess: () => {
      queryClient.clear();
      navigate(next, { replace: true });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const pasted = token.trim();
    // The token is sent once and kept nowhere, not even in the field.
    setToken('');
    login.mutate(pasted);
  };

  const provider = options.data?.provider;
  return (
    <main id="main" className="sign-in">
      <PageTitle>Sign in to Orderly</PageTitle>
      {provider && (
        <p>
          <a className="button" href={`${provider.url}?next=${encodeURIComponent(next)}`}>
            Sign in with {provider.name}
          </a>
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <h2>{provider ? 'Or paste an API token' : 'Paste an API token'}</h2>
        <TextField
          id="token"
          label="API token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={setToken}
          help="Starts with oly_. An administrator creates it for you; it is not stored by this page."
          error={fieldErrors(login.error).token}
        />
        <ProblemAlert message={generalError(login.error, ['token'])} />
        <button type="submit" disabled={login.isPending || !options.data}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <ProblemAlert message={generalError(options.error)} />
    </main>
  );
}
