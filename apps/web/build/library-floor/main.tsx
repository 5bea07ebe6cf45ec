/*
 * The library floor of the customer's first load (bench/src/spa.ts builds it beside the real app):
 * React, React Router and TanStack Query with just the APIs the panel's first screen calls, and no
 * code of ours. What the real first load weighs above this is Atende's own share.
 */
import { QueryClient, QueryClientProvider, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Link, Navigate, NavLink, Outlet, Route, Routes, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';

const queryClient = new QueryClient();

function Page() {
  const one = useQuery({ queryKey: ['one'], queryFn: () => 1 });
  const pages = useInfiniteQuery({ queryKey: ['pages'], queryFn: () => 1, initialPageParam: 0, getNextPageParam: () => undefined });
  const change = useMutation({ mutationFn: async () => 1 });
  const client = useQueryClient();
  const navigate = useNavigate();
  const params = useParams();
  const [search] = useSearchParams();
  const location = useLocation();
  const act = () => {
    change.mutate();
    void client.invalidateQueries();
    void navigate('/');
  };
  return (
    <main onClick={act}>
      {String(one.data)} {String(pages.data)} {params.id} {search.get('aba')} {location.pathname}
      <Link to="/a">a</Link>
      <NavLink to="/b">b</NavLink>
      <Outlet />
    </main>
  );
}

startTransition(() => {
  createRoot(document.getElementById('root')!).render(
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route path="/" element={<Page />} />
          <Route path="*" element={<Navigate to="/" />} />
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>,
  );
});
