namespace TestSupport.Api;

/// <summary>A signed-in device, as <c>/api/v1/auth/sessions</c> lists it.</summary>
public sealed record Session(Guid Id, string Kind, bool Current);
