namespace TestSupport.Api;

/// <summary>A stored AI key as <c>/api/v1/identity/keys</c> answers it: never the key, only its hint.</summary>
public sealed record ApiKeyView(Guid Id, string Provider, string Scope, string Hint);
