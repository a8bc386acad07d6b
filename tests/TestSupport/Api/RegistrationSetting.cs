namespace TestSupport.Api;

/// <summary>Whether anyone may register without an invitation.</summary>
public sealed record RegistrationSetting(bool OpenRegistration);
