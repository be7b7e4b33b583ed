import { useNavigate } from 'react-router-dom'
import { useSsoText } from 'sso-bridge/react'

/** "Back to home": the way forward of a view that has nothing to retry. */
export function HomeButton() {
  const navigate = useNavigate()
  const { t } = useSsoText()
  return (
    <div className="actions">
      <button
        type="button"
        className="primary"
        onClick={() => void navigate('/', { replace: true })}
      >
        {t('action.home')}
      </button>
    </div>
  )
}
