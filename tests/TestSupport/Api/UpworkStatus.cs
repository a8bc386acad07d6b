namespace TestSupport.Api;

/// <summary>The Upwork side of the system page: deliveries waiting, and the saved searches with their last runs.</summary>
public sealed record UpworkStatus(int PendingDeliveries, int SavedSearches, IReadOnlyList<System.Text.Json.JsonElement> Searches);
