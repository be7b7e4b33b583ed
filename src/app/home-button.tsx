import { useNavigate } from 'react-router-dom'

/** "Back to home": the way forward of a view that has nothing to retry. */
export function HomeButton() {
  const navigate = useNavigate()
  return (
    <div className="actions">
      <button
        type="button"
        className="primary"
        onClick={() => void navigate('/', { replace: true })}
      >
        Back to home
      </button>
    </div>
  )
}
