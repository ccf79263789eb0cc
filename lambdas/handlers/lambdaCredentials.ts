/**
 * The credentials of every AWS SDK client in a function that bundles the SDK: the execution role's,
 * which Lambda always puts in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
 * AWS_SESSION_TOKEN). NewswireFunction's bundling aliases `@aws-sdk/credential-provider-node` (the
 * clients' default chain) to this module: the chain would also bundle the INI, SSO, login, process,
 * web-identity, container and IMDS providers and the STS/SSO clients they call (~145 kB), none of
 * which a function ever reaches. Unbundled (tests, local mode) the clients keep the default chain.
 */
export { fromEnv as defaultProvider } from '@aws-sdk/credential-provider-env';
