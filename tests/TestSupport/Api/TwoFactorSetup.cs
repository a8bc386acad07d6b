namespace TestSupport.Api;

/// <summary>Two-factor set-up: the key to type in, and the same as a QR code and an <c>otpauth://</c> address.</summary>
public sealed record TwoFactorSetup(string ManualKey, string QrCodeDataUri, string OtpAuthUri);
