namespace OutlookCrm.Service.Audit;

/// <summary>Marks an endpoint whose every call (allowed or refused) goes into the audit trail.</summary>
/// <param name="action">e.g. client.read, client.update, email.link.</param>
/// <param name="objectType">client, field, audit …</param>
/// <param name="routeKey">the route value naming the object, if any.</param>
public sealed record Audited(string Action, string ObjectType, string? RouteKey = "id");
