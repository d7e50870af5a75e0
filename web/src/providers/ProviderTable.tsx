import { Loading } from "../components/layout";
import { PROVIDER_KIND_LABELS } from "../format";
import { useProviders } from "../people/queries";
import { Link } from "../router";

export function ProviderTable() {
  const providers = useProviders();
  if (providers.isPending) return <Loading />;
  return (
    <table className="ds_table">
      <caption>The provider directory</caption>
      <thead>
        <tr>
          <th scope="col">Provider</th>
          <th scope="col">Kind</th>
          <th scope="col">Service</th>
          <th scope="col">Town</th>
          <th scope="col">Lowest Care Inspectorate grade</th>
        </tr>
      </thead>
      <tbody>
        {(providers.data ?? []).map((p) => (
          <tr key={p.id}>
            <td>
              <Link href={`/providers/${p.id}`}>{p.name}</Link>
            </td>
            <td>{PROVIDER_KIND_LABELS[p.kind] ?? p.kind}</td>
            <td>{p.serviceType}</td>
            <td>{p.town}</td>
            <td>{p.minGrade ?? "Not graded"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
